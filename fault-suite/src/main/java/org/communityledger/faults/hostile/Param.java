package org.communityledger.faults.hostile;

record Param(String name, ParamType type) {
}
