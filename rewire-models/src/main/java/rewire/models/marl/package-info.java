/**
 * Value-based cooperative multi-agent reinforcement learning with sparse networks: recurrent
 * agent networks shared across agents, VDN and QMIX mixers, episode replay, one-step, n-step and
 * TD(λ) targets with double Q-learning, and MAST (Hu et al., NeurIPS 2024): soft mellowmax
 * targets, hybrid TD(λ), a dual replay buffer and RigL topology evolution of every network.
 * Environments implement {@link rewire.models.marl.env.MultiAgentEnv}.
 */
package rewire.models.marl;
