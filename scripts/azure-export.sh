#!/usr/bin/env bash
# Writes the JSON `aksnet import` and `aksnet drift` read: one file per az command, per resource group.
# Usage: scripts/azure-export.sh <out-dir> <resource-group>...   (include the cluster's node resource
# group, MC_…, for the load balancers AKS creates). Needs the Azure CLI, logged in; read-only.
set -euo pipefail
out=${1:?usage: azure-export.sh <out-dir> <resource-group>...}
shift
mkdir -p "$out"
for g in "$@"; do
  az aks list -g "$g" -o json >"$out/$g.aks.json"
  az network vnet list -g "$g" -o json >"$out/$g.vnet.json"
  az network route-table list -g "$g" -o json >"$out/$g.route-table.json"
  az network nsg list -g "$g" -o json >"$out/$g.nsg.json"
  az network nat gateway list -g "$g" -o json >"$out/$g.nat-gateway.json"
  az network public-ip list -g "$g" -o json >"$out/$g.public-ip.json"
  az network public-ip prefix list -g "$g" -o json >"$out/$g.public-ip-prefix.json"
  az network application-gateway list -g "$g" -o json >"$out/$g.application-gateway.json"
  az network application-gateway waf-policy list -g "$g" -o json >"$out/$g.waf-policy.json"
  az network firewall list -g "$g" -o json >"$out/$g.firewall.json"
  az network firewall policy list -g "$g" -o json >"$out/$g.firewall-policy.json"
  for p in $(az network firewall policy list -g "$g" --query "[].name" -o tsv); do
    az network firewall policy rule-collection-group list -g "$g" --policy-name "$p" -o json >"$out/$g.firewall-policy.$p.rcg.json"
  done
  az network lb list -g "$g" -o json >"$out/$g.lb.json"
  az network private-endpoint list -g "$g" -o json >"$out/$g.private-endpoint.json"
  for e in $(az network private-endpoint list -g "$g" --query "[].name" -o tsv); do
    az network private-endpoint dns-zone-group list -g "$g" --endpoint-name "$e" -o json >"$out/$g.private-endpoint.$e.dns-zone-group.json"
  done
  az network private-dns zone list -g "$g" -o json >"$out/$g.private-dns-zone.json"
  for z in $(az network private-dns zone list -g "$g" --query "[].name" -o tsv); do
    az network private-dns link vnet list -g "$g" -z "$z" -o json >"$out/$g.private-dns-link.$z.json"
  done
  az network private-link-service list -g "$g" -o json >"$out/$g.private-link-service.json"
  az network bastion list -g "$g" -o json >"$out/$g.bastion.json"
  az afd profile list -g "$g" -o json >"$out/$g.afd-profile.json"
  for p in $(az afd profile list -g "$g" --query "[].name" -o tsv); do
    az afd endpoint list -g "$g" --profile-name "$p" -o json >"$out/$g.afd.$p.endpoint.json"
    for e in $(az afd endpoint list -g "$g" --profile-name "$p" --query "[].name" -o tsv); do
      az afd route list -g "$g" --profile-name "$p" --endpoint-name "$e" -o json >"$out/$g.afd.$p.$e.route.json"
    done
    az afd origin-group list -g "$g" --profile-name "$p" -o json >"$out/$g.afd.$p.origin-group.json"
    for o in $(az afd origin-group list -g "$g" --profile-name "$p" --query "[].name" -o tsv); do
      az afd origin list -g "$g" --profile-name "$p" --origin-group-name "$o" -o json >"$out/$g.afd.$p.$o.origin.json"
    done
    az afd security-policy list -g "$g" --profile-name "$p" -o json >"$out/$g.afd.$p.security-policy.json"
    az afd custom-domain list -g "$g" --profile-name "$p" -o json >"$out/$g.afd.$p.custom-domain.json"
  done
  az network front-door waf-policy list -g "$g" -o json >"$out/$g.front-door-waf-policy.json"
done
