package org.communityledger.platform.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Registers the shared problem handler in every service that has this module. */
@AutoConfiguration
@Import(ClientProblemHandler.class)
public class ProblemConfiguration {
}
