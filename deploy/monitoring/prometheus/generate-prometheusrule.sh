#!/bin/sh
# Writes karina-rules.prometheusrule.yaml: the Prometheus Operator's PrometheusRule whose
# spec.groups are karina-rules.yaml's groups, indented under spec. karina-rules.yaml stays the one
# file to edit (promtool checks and tests it); run this after every change. A test fails when the
# two differ.
set -eu
cd "$(dirname "$0")"
{
  cat <<'HEADER'
# Generated from karina-rules.yaml by generate-prometheusrule.sh: edit that file, then run this script.
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: karina
  labels:
    app.kubernetes.io/name: karina
spec:
HEADER
  sed -e '/^#/d' -e 's/^\(.\)/  \1/' karina-rules.yaml
} > karina-rules.prometheusrule.yaml
