package org.communityledger.query.web;

import java.util.List;

/**
 * One page of a list: {@code page} counts from 0, {@code total} is the size of the whole list, and
 * {@code position} is the newest global position the views had applied when the page was read.
 */
public record PageOf<T>(List<T> items, int page, int size, long total, long position) {
}
