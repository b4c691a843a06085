package rewire.models.marl.env;

/**
 * The mutable state of one unit in a {@link Battle}: position, health, shield, energy, weapon
 * cooldown and current order. Owned and changed only by its battle.
 */
final class Unit {
    /** What a unit is doing; orders persist across game loops until done or replaced. */
    enum Order {
        /** Stand still; fire at (or heal) the nearest valid unit already in reach. */
        IDLE,
        /** Walk to ({@code moveX}, {@code moveY}) without fighting, then go idle. */
        MOVE,
        /** Chase {@code target} until in weapon range, then fire whenever the cooldown allows. */
        ATTACK,
        /** Fly to {@code target} until in heal range, then heal it until it is full. */
        HEAL
    }

    final UnitType type;
    final boolean ally;
    /** Index within its team (agent id for allies, enemy id for enemies). */
    final int index;
    double x;
    double y;
    double health;
    double shield;
    double energy;
    /** Game loops until the weapon can fire again. */
    double cooldown;
    /** Game loop of the last damage taken (shield regeneration waits after it). */
    long lastDamagedLoop = Long.MIN_VALUE / 2;
    Order order = Order.IDLE;
    Unit target;
    double moveX;
    double moveY;

    Unit(UnitType type, boolean ally, int index, double x, double y) {
        this.type = type;
        this.ally = ally;
        this.index = index;
        this.x = x;
        this.y = y;
        this.health = type.health();
        this.shield = type.shield();
        this.energy = type.energy().start();
    }

    boolean alive() {
        return health > 0;
    }

    /** Centre-to-centre distance (SMAC's distance for masks and observations). */
    double distance(Unit other) {
        return length(other.x - x, other.y - y);
    }

    /** Length of (dx, dy); plain sqrt, which is exact and much faster than Math.hypot (no overflow at map scale). */
    static double length(double dx, double dy) {
        return Math.sqrt(dx * dx + dy * dy);
    }

    /** Edge-to-edge distance, which StarCraft II compares with weapon and ability ranges. */
    double gap(Unit other) {
        return distance(other) - type.radius() - other.type.radius();
    }

    /** Whether this unit fights (has a weapon); a team left with only medivacs has lost, as in SMAC. */
    boolean fighter() {
        return type.weapon() != null;
    }

    void command(Order order, Unit target) {
        this.order = order;
        this.target = target;
    }

    void moveTo(double targetX, double targetY) {
        this.order = Order.MOVE;
        this.target = null;
        this.moveX = targetX;
        this.moveY = targetY;
    }
}
