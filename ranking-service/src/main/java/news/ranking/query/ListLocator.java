package news.ranking.query;

import news.ranking.rules.ListKey;
import news.ranking.topology.StoredList;

/** Where a list is answered from: this instance's store, another instance, or nowhere yet. */
interface ListLocator {

    Location locate(ListKey key);

    sealed interface Location {
    }

    /** This instance owns the list; {@code list} is null when it has not been computed yet. */
    record Here(StoredList list) implements Location {
    }

    /** Another instance owns the list and answers for it. */
    record There(String host, int port) implements Location {
    }

    /** Nobody can answer right now (starting, rebalancing, restoring). */
    record NotReady(String reason) implements Location {
    }
}
