# shellcheck shell=bash
# Kafka: a single KRaft node (broker and controller) from Maven Central's jars (sourced by ./stack).
KAFKA_PORT=${STACK_KAFKA_PORT:-29092}
KAFKA_CONTROLLER_PORT=${STACK_KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}
KAFKA_VERSION=4.3.1
KAFKA_HOME=$STACK_DIR/kafka
component kafka kafka

kafka_download() { download_jars kafka "Apache Kafka" "$KAFKA_VERSION" "$KAFKA_HOME"; }

# the JVM every Kafka tool and the broker run in (an array, so that spawn can start it too)
KAFKA_JAVA=(java -Xmx256m -XX:+UseSerialGC -Dlog4j2.configurationFile="$ROOT/stack.d/kafka/log4j2.properties" -cp "$KAFKA_HOME/lib/*")
kafka_java() { "${KAFKA_JAVA[@]}" "$@"; }

kafka_up() {
  if alive kafka && port_open "$KAFKA_PORT"; then say "kafka already running on 127.0.0.1:$KAFKA_PORT"; return; fi
  kafka_download
  mkdir -p "$KAFKA_HOME"
  cat >"$KAFKA_HOME/server.properties" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_HOME/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
  if [[ ! -f $KAFKA_HOME/data/meta.properties ]]; then
    say "formatting Kafka storage"
    local id; id=$(kafka_java kafka.tools.StorageTool random-uuid 2>>"$LOGS/kafka-format.log")
    kafka_java kafka.tools.StorageTool format --standalone -t "$id" -c "$KAFKA_HOME/server.properties" \
      >>"$LOGS/kafka-format.log" 2>&1 || fail "formatting Kafka storage failed; read $LOGS/kafka-format.log"
  fi
  say "starting kafka on 127.0.0.1:$KAFKA_PORT"
  spawn kafka "$LOGS/kafka.log" "${KAFKA_JAVA[@]}" kafka.Kafka "$KAFKA_HOME/server.properties"
  wait_for kafka 90 "$LOGS/kafka.log" kafka_ready
  say "kafka ready"
}

kafka_ready() { port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$LOGS/kafka.log"; }

kafka_fresh() { stop_pid kafka; rm -rf "$KAFKA_HOME/data"; }

kafka_state() { if alive kafka && port_open "$KAFKA_PORT"; then echo healthy; else echo down; fi; }

kafka_where() { printf '  %-21s %s\n' Kafka "127.0.0.1:$KAFKA_PORT   topics report-events, task-events, rollup-events, calendar-events, department-events"; }
