#!/bin/bash
# As the official image: every KAFKA_X_Y variable is the broker property x.y, with ___ for - and __ for _ (so
# KAFKA_LISTENER_NAME_SASL__PLAINTEXT_PLAIN_SASL_JAAS_CONFIG is listener.name.sasl_plaintext.plain.sasl.jaas.config);
# the storage is formatted on the first start; then the broker runs in the foreground.
set -euo pipefail
properties=/opt/kafka/config/server.properties
: > "$properties"
while IFS='=' read -r name value; do
  case "$name" in
    KAFKA_HEAP_OPTS|KAFKA_OPTS|KAFKA_JVM_PERFORMANCE_OPTS) continue ;;
    KAFKA_*)
      key=${name#KAFKA_}
      key=$(printf '%s' "$key" | tr '[:upper:]' '[:lower:]' | sed -e 's/___/-/g' -e 's/__/@/g' -e 's/_/./g' -e 's/@/_/g')
      printf '%s=%s\n' "$key" "${!name}" >> "$properties"
      ;;
  esac
done < <(env)
log_dir=$(sed -n 's/^log.dirs=//p' "$properties")
if [ ! -f "${log_dir:-/tmp/kraft-combined-logs}/meta.properties" ]; then
  java -cp '/opt/kafka/libs/*' kafka.tools.StorageTool format --ignore-formatted \
    -t "${CLUSTER_ID:-5L6g3nShT-eMCtK--X86sw}" -c "$properties"
fi
exec java ${KAFKA_HEAP_OPTS:--Xmx512m} -cp '/opt/kafka/libs/*' kafka.Kafka "$properties"
