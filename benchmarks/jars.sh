# The jars the benchmark scripts drive, and the admin key the gateway and the generator share (sourced, not run; the
# script sets root first). The jars are built from the tree as it is, so a jar left from older code is never
# measured; SKIP_BUILD=1 uses the jars there are (and builds them only when missing).
export ORDERGATE_API_KEY=${ORDERGATE_API_KEY:-bench}
export ORDERGATE_API_SECRET=${ORDERGATE_API_SECRET:-bench-secret-0123456789abcdef}
gateway_jar=$root/gateway-http/target/ordergate.jar
loadgen_jar=$root/benchmarks/target/loadgen.jar
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$gateway_jar" ] || [ ! -f "$loadgen_jar" ]; then
  (cd "$root" && mvn -B -q -pl gateway-http,benchmarks -am package -DskipTests)
fi
