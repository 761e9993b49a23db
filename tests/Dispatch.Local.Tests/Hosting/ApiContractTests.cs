using System.Net;
using Dispatch.Core.Api;
using Dispatch.Testing;
using Microsoft.AspNetCore.Routing;

namespace Dispatch.Local.Tests.Hosting;

/// <summary>The local host maps exactly <see cref="ApiContract.All"/>, plus the routes it alone serves by design
/// (<see cref="ApiContract.LocalOnly"/>: the demo's links, the old /healthz). The Azure host's side is
/// Dispatch.Functions.Tests' ApiContractTests: together, no route exists on one host only.</summary>
[Collection(AzuriteCollection.Name)]
public class ApiContractTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_mapped_routes_are_the_api_contract_and_the_named_local_only_routes()
    {
        // A demo host (the fixture's default), so the demo route is mapped too.
        await using var app = LocalHostFixture.Build(azurite, AzuriteFixture.NewPrefix(), TimeProvider.System, new CapturedLogs());
        var mapped = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => new ApiRoute(m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .ToList();
        Assert.Contains(mapped, r => r.IsReferencePage);
        mapped.RemoveAll(r => r.IsReferencePage);

        Assert.Equal(mapped.Count, mapped.Distinct().Count());
        Assert.Empty(ApiContract.All.Except(mapped)); // missing locally
        Assert.Empty(mapped.Except(ApiContract.All).Except(ApiContract.LocalOnly)); // served locally only, unnamed
        Assert.Empty(ApiContract.LocalOnly.Except(mapped));
    }

    [Fact]
    public async Task Health_answers_200_on_the_contract_route_and_the_old_one()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        foreach (var route in new[] { ApiContract.Health, "/healthz" })
        {
            using var health = await host.Http.GetAsync(route);
            Assert.Equal((HttpStatusCode.OK, "{\"status\":\"ok\"}"), (health.StatusCode, await health.Content.ReadAsStringAsync()));
        }
    }
}
