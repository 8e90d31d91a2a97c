package org.communityledger.client;

import java.util.List;

/** A list answered whole, without paging: {@code {"items":[...]}}. */
public record Items<T>(List<T> items) {

    public Items {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
