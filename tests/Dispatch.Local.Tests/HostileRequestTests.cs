using System.Reflection;
using System.Text;
using Dispatch.Core.Api;
using Dispatch.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Local.Tests;

/// <summary>A seeded hostile-request generator over every route of the core contract (every "/api/…"
/// constant of the core's *Routes classes, so a new route is covered without editing this test), with
/// valid and invalid links: no answer is a 5xx, every 4xx is problem+json, and no table row changes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileRequestTests(AzuriteFixture azurite)
{
    private const int Requests = 1200;

    public static IReadOnlyList<string> ContractRoutes { get; } = [.. typeof(Routes).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Routes", StringComparison.Ordinal))
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Where(f => f.IsLiteral && f.GetRawConstantValue() is string s && s.StartsWith("/api/", StringComparison.Ordinal))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Distinct()];

    [Fact]
    public async Task Generated_hostile_requests_on_every_route_answer_clean_4xx_and_change_nothing()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var placed = await host.PlaceAsync();
        var methods = MethodsByRoute(host);
        Assert.All(ContractRoutes, r => Assert.True(methods.ContainsKey(r), $"{r} is in the contract but not served"));

        var tokens = new[] { host.OrganizerToken(), host.MemberToken("m001"), placed.Token };
        var before = await SnapshotAsync(host);
        var gen = new HostileInput(seed: 20261130);
        var failures = new List<string>();
        var sent = 0;
        for (var i = 0; i < Requests; i++)
        {
            var route = gen.Pick(ContractRoutes);
            var method = gen.Pick(methods[route]);

            // A real order id goes only with a bad link; a hostile id with any link.
            var realId = gen.Chance(15);
            var path = Fill(route, gen, realId ? placed.OrderId : null);
            var query = string.Join('&', HostileInput.QueryNames.Where(_ => gen.Chance(20))
                .Select(q => q + "=" + Uri.EscapeDataString(gen.ShortText())));
            var token = realId || gen.Chance(40) ? gen.BadToken(gen.Pick(tokens)) : gen.Pick(tokens);

            using var request = new HttpRequestMessage(new HttpMethod(method), path + (query.Length > 0 ? "?" + query : ""));
            if (token is not null && !token.Any(c => c < ' ' || c > '~'))
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            }

            if (method == "POST" && gen.Body() is { } body)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            if (route == Routes.Orders && method == "POST" && gen.Chance(50))
            {
                request.Headers.TryAddWithoutValidation("Idempotency-Key", new string([.. gen.ShortText().Where(c => c is >= ' ' and <= '~')]));
            }

            using var response = await host.Http.SendAsync(request);
            sent++;
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            if (status >= 500 || (status >= 400 && type != "application/problem+json"))
            {
                failures.Add($"{method} {Short(request.RequestUri!.PathAndQuery)} → {status} {type}: {Short(await response.Content.ReadAsStringAsync())}");
            }
        }

        Assert.True(failures.Count == 0, $"seed {gen.Seed}, {failures.Count} of {sent}:\n" + string.Join('\n', failures.Take(20)));
        var after = await SnapshotAsync(host);
        Assert.Equal(before, after);
    }

    private static Dictionary<string, string[]> MethodsByRoute(LocalHostFixture host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal))
            .GroupBy(e => e.RoutePattern.RawText!)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Distinct().ToArray());

    private static string Fill(string route, HostileInput gen, string? realId)
    {
        var path = route;
        while (path.IndexOf('{', StringComparison.Ordinal) is var start and >= 0)
        {
            var end = path.IndexOf('}', start);
            path = path[..start] + Uri.EscapeDataString(realId ?? gen.Text()) + path[(end + 1)..];
        }

        return path;
    }

    private Task<string> SnapshotAsync(LocalHostFixture host) => TableSnapshot.TakeAsync(azurite.ConnectionString, host.Prefix);

    private static string Short(string text) => text.Length <= 300 ? text : text[..300];
}
