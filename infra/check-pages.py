#!/usr/bin/env python3
"""Checks the compiled ARM JSON of infra/main.bicep (on stdin) for the pages' deployment: a Static Web App on the
Standard plan (a linked backend needs it) with a linkedBackends child pointing at the Function App, and the app's
Dispatch__PublicBaseUrl set from the Static Web App's host name, so links point where the pages are.
Prints one line per failure and exits 1 on any."""
import json
import sys


def children(template):
    found = template.get("resources", [])
    return list(found.values()) if isinstance(found, dict) else found  # symbolic names compile to an object


def deployments(template, name="main", parameters=None):
    """Every (module name, template, the parameter values passed to it) in the tree of nested deployments."""
    yield name, template, parameters or {}
    for resource in children(template):
        if resource.get("type") == "Microsoft.Resources/deployments":
            props = resource["properties"]
            yield from deployments(props["template"], resource["name"], props.get("parameters", {}))


def resources(template):
    for resource in children(template):
        yield resource
        yield from resources(resource)  # child resources declared inside their parent


failures = []
arm = json.load(sys.stdin)
modules = list(deployments(arm))
sites = [(m, r) for m, t, _ in modules for r in resources(t) if r.get("type") == "Microsoft.Web/staticSites"]
links = [(m, r) for m, t, _ in modules for r in resources(t) if r.get("type") == "Microsoft.Web/staticSites/linkedBackends"]
settings = [(m, r, p) for m, t, p in modules for r in resources(t)
            if r.get("type") == "Microsoft.Web/sites/config" and "appsettings" in str(r.get("name"))]

if len(sites) != 1:
    failures.append(f"expected one Microsoft.Web/staticSites, found {len(sites)}")
elif sites[0][1].get("sku", {}).get("name") != "Standard":
    failures.append("the Static Web App must be on the Standard plan (a linked backend needs it)")
if len(links) != 1 or "Microsoft.Web/sites" not in str(links[0][1].get("properties", {}).get("backendResourceId")):
    failures.append("expected one Microsoft.Web/staticSites/linkedBackends whose backendResourceId is the Function App")
if len(settings) != 1:
    failures.append(f"expected one Microsoft.Web/sites/config appsettings, found {len(settings)}")
else:
    _, resource, parameters = settings[0]
    if "'Dispatch__PublicBaseUrl', parameters('publicBaseUrl')" not in str(resource.get("properties")):
        failures.append("the app settings must set Dispatch__PublicBaseUrl from the publicBaseUrl parameter")
    base = str(parameters.get("publicBaseUrl", {}).get("value"))
    if "reference('web').outputs.uri" not in base:
        failures.append(f"Dispatch__PublicBaseUrl must be the Static Web App's uri (module 'web'), not {base}")

for failure in failures:
    print(f"infra/main.bicep : Error pages: {failure}")
sys.exit(1 if failures else 0)
