package org.communityledger.query.web;

import java.util.List;

/** One page of a list: {@code page} counts from 0, {@code total} is the size of the whole list. */
public record PageOf<T>(List<T> items, int page, int size, long total) {
}
