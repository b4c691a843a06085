package rewire.models.marl.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import rewire.tensor.Rng;

class CombatTest {
    private static final UnitCatalog UNITS = UnitCatalog.standard();

    private static Unit unit(String type) {
        return new Unit(UNITS.type(type), false, 0, 0, 0);
    }

    private static double oneAttack(String attacker, Unit target) {
        Weapon w = UNITS.type(attacker).weapon();
        double lost = 0;
        for (int a = 0; a < w.attacks(); a++) {
            lost += Combat.hit(target, w.hitDamage(target.type.attributes()), 0);
        }
        return lost;
    }

    @Test
    void armorBonusAndMinimumDamage() {
        Unit marauder = unit("marauder");
        assertEquals(5, oneAttack("marine", marauder), "6 - armor 1");
        assertEquals(17, oneAttack("stalker", marauder), "13 + 5 armored - armor 1");
        assertEquals(125 - 22, marauder.health);
        Unit marine = unit("marine");
        assertEquals(10, oneAttack("marauder", marine), "the +10 is against armored only");
        assertEquals(16, oneAttack("zealot", unit("marine")), "two hits of 8");
        assertEquals(14, oneAttack("zealot", unit("marauder")), "armor counts per hit: 2 x (8 - 1)");
        assertEquals(Combat.MIN_DAMAGE, Combat.hit(unit("marauder"), 1, 0), "1 - armor 1 floors at 0.5");
    }

    @Test
    void shieldsAbsorbFirstWithoutArmorAndOverflowPaysArmor() {
        Unit zealot = unit("zealot");
        assertEquals(6, oneAttack("marine", zealot));
        assertEquals(44, zealot.shield);
        assertEquals(100, zealot.health, "health untouched while the shield holds");
        zealot.shield = 3;
        assertEquals(5, Combat.hit(zealot, 6, 0), "3 to the shield, (3 - armor 1) to health");
        assertEquals(0, zealot.shield);
        assertEquals(98, zealot.health);
    }

    @Test
    void weaponCooldownSetsTheFireRate() {
        // A marine ordered to attack a medivac 4 cells away (in range 5; it cannot shoot back) fires at loop 0,
        // then every 0.61 s = 13.664 loops; each shot deals 6 - armor 1 = 5.
        Battle b = new Battle(Scenes.of(32, 10, List.of("marine@10,10"), List.of("medivac@14,10")), new Rng(1));
        Unit marine = b.allies[0];
        Unit medivac = b.enemies[0];
        marine.command(Unit.Order.ATTACK, medivac);
        b.advance(1);
        assertEquals(145, medivac.health);
        b.advance(13);
        assertEquals(145, medivac.health, "cooldown 0.61 s = 13.66 loops: no second shot in loops 1..13");
        b.advance(1);
        assertEquals(140, medivac.health, "second shot at loop 14");
        // Over a long fight the n-th shot lands at loop ceil((n - 1) x 13.664): the fractional part of the
        // cooldown carries over, so the mean fire rate is exactly one per 0.61 s.
        medivac.health = 150;
        java.util.Set<Long> shotLoops = new java.util.HashSet<>();
        for (int k = 0; k < 100; k++) {
            shotLoops.add((long) Math.ceil(k * 0.61 * 22.4));
        }
        for (long loop = 15; loop < 1000; loop++) {
            b.advance(1);
            assertEquals(shotLoops.contains(loop), medivac.health < 150, "loop " + loop);
            medivac.health = 150;
        }
    }

    @Test
    void banelingSplashHitsEveryGroundEnemyNearbyAndKillsItself() {
        Battle b = new Battle(Scenes.of(32, 10, List.of("marine@10,10", "marine@11.5,10", "marine@10,15"),
                List.of("baneling@10.8,10.5")), new Rng(1));
        b.advance(1);
        assertFalse(b.enemies[0].alive(), "suicide");
        assertEquals(45 - 35, b.allies[0].health, "16 + 19 vs light");
        assertEquals(45 - 35, b.allies[1].health, "within the 2.2 splash");
        assertEquals(45, b.allies[2].health, "out of the splash");
    }

    @Test
    void meleeUnitsInACrowdAllStrike() {
        // Five zealots converge on one; collisions push them apart, yet each gets its blows in.
        Battle b = new Battle(Scenes.of(32, 10, List.of("zealot@10,8", "zealot@10,9", "zealot@10,10",
                "zealot@10,11", "zealot@10,12"), List.of("colossus@13,10")), new Rng(1));
        for (Unit z : b.allies) {
            z.command(Unit.Order.ATTACK, b.enemies[0]);
        }
        b.enemies[0].health = 1e6; // a punching bag that does not die
        int[] strikes = new int[b.allies.length];
        for (int loop = 0; loop < 200; loop++) {
            double[] cooldownBefore = new double[b.allies.length];
            for (int i = 0; i < b.allies.length; i++) {
                cooldownBefore[i] = b.allies[i].cooldown;
            }
            b.advance(1);
            for (int i = 0; i < b.allies.length; i++) {
                strikes[i] += b.allies[i].cooldown > cooldownBefore[i] ? 1 : 0;
            }
        }
        for (int i = 0; i < strikes.length; i++) {
            assertTrue(strikes[i] >= 5, "zealot " + i + " struck " + strikes[i] + " times in 200 loops");
        }
    }

    @Test
    void colossusLancesHitALineAcrossTheLineOfFire() {
        Battle b = new Battle(Scenes.of(32, 10, List.of("colossus@10,10"),
                List.of("zealot@16,10", "zealot@16,11.2", "zealot@17,10", "zealot@16,12.2")), new Rng(1));
        b.allies[0].command(Unit.Order.ATTACK, b.enemies[0]);
        b.advance(1);
        double hit = 50 - 2 * (10 + 5); // two hits of 10 + 5 vs light, all absorbed by the shield
        assertEquals(hit, b.enemies[0].shield, "the target");
        assertEquals(hit, b.enemies[1].shield, "1.2 across the line of fire, within the 1.4 half-length");
        assertEquals(50, b.enemies[2].shield, "behind the target, not on the line");
        assertEquals(50, b.enemies[3].shield, "beyond the end of the line");
    }

    @Test
    void medivacHealsAtItsRateAndPaysEnergy() {
        Battle b = new Battle(Scenes.of(64, 10, List.of("medivac@10,10", "marine@11,10"), List.of("marine@60,60")),
                new Rng(1));
        Unit medivac = b.allies[0];
        Unit marine = b.allies[1];
        marine.health = 20;
        medivac.command(Unit.Order.HEAL, marine);
        b.advance(GameTime.STEP_MUL);
        assertEquals(20 + 12.6 * 8 / 22.4, marine.health, 1e-9);
        assertEquals(50 - 12.6 * 8 / 22.4 / 3 + 0.7875 * 8 / 22.4, medivac.energy, 1e-9);
        medivac.energy = 1;
        marine.health = 20;
        assertEquals(3, Combat.heal(medivac, marine, 10), 1e-12, "1 energy heals 3");
        assertEquals(0, medivac.energy);
    }

    @Test
    void shieldsRegenerateOnlyAfterTheDelay() {
        Battle b = new Battle(Scenes.of(200, 10, List.of("zealot@10,10"), List.of("marine@190,190")), new Rng(1));
        Unit zealot = b.allies[0];
        zealot.shield = 0;
        zealot.lastDamagedLoop = 0;
        b.advance(150);
        assertEquals(0, zealot.shield, "7 s = 156.8 loops of waiting");
        b.advance(20);
        assertTrue(zealot.shield > 0 && zealot.shield < 2, "regenerating at 2.8/s: " + zealot.shield);
    }
}
