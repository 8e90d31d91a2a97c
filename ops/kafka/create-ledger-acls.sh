#!/usr/bin/env bash
# Grants each service's Kafka account what it needs and nothing more (docs/security.md), signed in as the
# operator, the brokers' super user. Run by docker compose's one-shot service "kafka-acls" before the services
# start; granting again changes nothing. The same grants as ./ledger up --cluster makes (KafkaAcls).
#   only ledger_command may write membership.events;
#   ledger_query reads it, reads and writes membership.events.DLT, and uses the groups it names;
#   both may create, describe and check the configuration of both topics (whichever starts first creates them).
set -euo pipefail
: "${KAFKA_BOOTSTRAP_SERVERS:?set KAFKA_BOOTSTRAP_SERVERS}"
: "${LEDGER_KAFKA_OPERATOR_PASSWORD:?set LEDGER_KAFKA_OPERATOR_PASSWORD}"

config=$(mktemp)
trap 'rm -f "$config"' EXIT
cat > "$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="ledger_operator" password="${LEDGER_KAFKA_OPERATOR_PASSWORD}";
PROPERTIES

acls() {
  /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$config" --add "$@"
}

for service in ledger_command ledger_query; do
  for topic in membership.events membership.events.DLT; do
    acls --allow-principal "User:$service" --operation Create --operation Describe --operation DescribeConfigs \
      --topic "$topic"
  done
done
acls --allow-principal User:ledger_command --operation Write --topic membership.events
acls --allow-principal User:ledger_query --operation Read --topic membership.events
acls --allow-principal User:ledger_query --operation Read --operation Write --topic membership.events.DLT
for prefix in membership-query projection-rebuild; do
  acls --allow-principal User:ledger_query --operation Read --operation Describe \
    --group "$prefix" --resource-pattern-type prefixed
done
echo "Kafka ACLs granted"
