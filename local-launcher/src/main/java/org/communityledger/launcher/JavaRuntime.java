package org.communityledger.launcher;

import java.nio.file.Path;

/** The java executable that runs this launcher, used for every child JVM so they all share one runtime. */
final class JavaRuntime {

    private JavaRuntime() {
    }

    static String executable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
