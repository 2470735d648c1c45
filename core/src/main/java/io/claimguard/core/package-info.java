/**
 * What every ClaimGuard module shares: the verified caller ({@link io.claimguard.core.Subject}),
 * the thread it acts on ({@link io.claimguard.core.GuardContext}), the claim requirements policies
 * are written in ({@link io.claimguard.core.Requirement}), and where the configuration file is
 * found ({@link io.claimguard.core.ConfigFile}). No dependencies, so that a driver in a
 * container's lib folder and a filter in WEB-INF/lib share one context class.
 */
package io.claimguard.core;
