/** What the driver needs from a servlet container: letting go of an undeployed application. */
package io.claimguard.jdbc.web;
