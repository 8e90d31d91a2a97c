package org.communityledger.command.dispatch;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Stores a command's idempotency key, under its principal, with its outcome inside the command's own transaction,
 * the one that appends its events: either both are committed or neither. A concurrent duplicate fails on the key's
 * primary key and rolls back its events; the dispatcher then answers it with the first outcome.
 */
@Component
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String REQUEST_FINGERPRINT = "requestFingerprint";
    static final String COMMUNITY_ID = "communityId";
    static final String CREATED_ID_NAME = "createdIdName";
    static final String CREATED_ID = "createdId";

    private final IdempotencyRecords records;

    IdempotencyInterceptor(IdempotencyRecords records) {
        this.records = records;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object result = chain.proceed();
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        Object key = metaData.get(CommandMetadata.IDEMPOTENCY_KEY);
        if (key != null && result instanceof Number version) {
            Object createdName = metaData.get(CREATED_ID_NAME);
            records.insert(new IdempotencyRecord(
                    (String) metaData.get(CommandMetadata.PRINCIPAL),
                    key.toString(),
                    (String) metaData.get(REQUEST_FINGERPRINT),
                    (String) metaData.get(COMMUNITY_ID),
                    version.longValue(),
                    createdName == null ? null : new CreatedId(createdName.toString(), (String) metaData.get(CREATED_ID))));
        }
        return result;
    }
}
