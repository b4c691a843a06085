/**
 * Image classification workloads: sparse MLPs and small CNNs on Fashion-MNIST, the testbed of
 * SET, RigL, SNFS, MEST, CHT and the Fantastic-Weights study, and a small vision transformer
 * whose every linear layer may be sparse (DynaDiag's setting).
 */
package rewire.models.classify;
