package io.wamptls.router;

import java.util.List;
import java.util.Map;

/** A procedure the router itself provides (the meta API), called under the realm lock. */
@FunctionalInterface
interface InternalProcedure {

    /** Returns the RESULT arguments, or throws to answer with ERROR. */
    List<Object> call(SessionRef caller, List<Object> args, Map<String, Object> kwargs) throws WampException;
}
