/**
 * Image classification workloads: sparse MLPs and small CNNs on Fashion-MNIST, the testbed of
 * SET, RigL, SNFS, MEST, CHT and the Fantastic-Weights study.
 */
package rewire.models.classify;
