package rewire.models.gan;

import rewire.nn.Layer;
import rewire.train.ParamGroup;

/**
 * The networks of a GAN run and their parameter groups, as {@link GanRuns} builds them.
 *
 * @param generator          the generator, {@code z (latent, B) -> (C, B·H·W)}
 * @param discriminator      the discriminator, {@code (C, B·H·W) -> (1, B)}
 * @param average            a second generator of the same architecture that holds the EMA
 * @param generatorGroup     "generator": its Adam and recipe
 * @param discriminatorGroup "discriminator": its Adam and recipe
 */
record GanParts(GanArchitecture.Network generator, GanArchitecture.Network discriminator, Layer average,
                ParamGroup generatorGroup, ParamGroup discriminatorGroup) {
}
