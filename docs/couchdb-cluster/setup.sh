#!/bin/sh
# Joins couchdb2 and couchdb3 to couchdb1 (CouchDB's documented /_cluster_setup
# sequence), then creates the system databases. Run by `docker compose run --rm setup`.
set -eu
A="$COUCHDB_USER:$COUCHDB_PASSWORD"
C=http://couchdb1.cluster:5984
until curl -fsS "$C/_up" >/dev/null 2>&1; do sleep 1; done
post() { curl -fsS -u "$A" -H 'content-type: application/json' -X POST "$C/_cluster_setup" -d "$1"; echo; }
post '{"action":"enable_cluster","bind_address":"0.0.0.0","username":"'"$COUCHDB_USER"'","password":"'"$COUCHDB_PASSWORD"'","node_count":"3"}'
for n in couchdb2.cluster couchdb3.cluster; do
  until curl -fsS "http://$n:5984/_up" >/dev/null 2>&1; do sleep 1; done
  post '{"action":"enable_cluster","bind_address":"0.0.0.0","username":"'"$COUCHDB_USER"'","password":"'"$COUCHDB_PASSWORD"'","port":5984,"node_count":"3","remote_node":"'"$n"'","remote_current_user":"'"$COUCHDB_USER"'","remote_current_password":"'"$COUCHDB_PASSWORD"'"}'
  post '{"action":"add_node","host":"'"$n"'","port":5984,"username":"'"$COUCHDB_USER"'","password":"'"$COUCHDB_PASSWORD"'"}'
done
post '{"action":"finish_cluster"}'
curl -fsS -u "$A" "$C/_membership"; echo
