using System.Reflection;
using Dispatch.Core.Api;
using Dispatch.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dispatch.Functions.Tests;

/// <summary>The Azure host serves exactly <see cref="ApiContract.All"/> (the local host's side is
/// Dispatch.Local.Tests' ApiContractTests): no route of the contract missing, none outside it.</summary>
public sealed class ApiContractTests
{
    /// <summary>Every HTTP function of the app, by reflection over [Function] and [HttpTrigger] (the worker's own
    /// way of finding them).</summary>
    internal static IReadOnlyList<(string Name, HttpTriggerAttribute Trigger, MethodInfo Method)> HttpFunctions() =>
    [
        .. typeof(HttpApi).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => (Name: m.GetCustomAttribute<FunctionAttribute>()?.Name, Trigger: m.GetParameters()
                .Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null), Method: m))
            .Where(f => f is { Name: not null, Trigger: not null })
            .Select(f => (f.Name!, f.Trigger!, f.Method)),
    ];

    [Fact]
    public void The_http_functions_are_the_api_contract_route_for_route()
    {
        // host.json's routePrefix "api" puts every function under /api/.
        var served = HttpFunctions()
            .SelectMany(f => f.Trigger.Methods!.Select(m => new ApiRoute(m.ToUpperInvariant(), "/api/" + f.Trigger.Route)))
            .ToList();
        Assert.Contains(served, r => r.IsReferencePage);
        served.RemoveAll(r => r.IsReferencePage);
        Assert.Equal(served.Count, served.Distinct().Count());
        Assert.Empty(ApiContract.All.Except(served)); // missing on Azure
        Assert.Empty(served.Except(ApiContract.All)); // served on Azure only
    }
}
