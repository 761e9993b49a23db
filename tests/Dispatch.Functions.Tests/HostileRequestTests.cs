using System.Reflection;
using Dispatch.Core.Orders;
using Dispatch.Storage;
using Dispatch.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>The local host's hostile-request generator, on every HTTP function of the Azure host (found by
/// reflection, so a new function is covered without editing this test), invoked in-process as the worker
/// would: route values, query, body and link all hostile or bad. No 5xx, every 4xx is problem+json, and
/// no table row changes.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileRequestTests(AzuriteFixture azurite)
{
    private const int Requests = 1900; // about 55 per function over the 34 HTTP functions

    private static readonly IReadOnlyList<(MethodInfo Method, HttpTriggerAttribute Trigger, Type Owner)> HttpFunctions =
        [.. ApiContractTests.HttpFunctions().Select(f => (f.Method, f.Trigger, f.Method.DeclaringType!))];

    [Fact]
    public async Task Generated_hostile_requests_on_every_http_function_answer_clean_4xx_and_change_nothing()
    {
        // Offers on the Storage queue (no Service Bus here): an unreachable Service Bus is an outage, which
        // this input test is not about.
        await using var host = await StartAsync(azurite, SlowPolicy, settings: new Dictionary<string, string?> { ["ServiceBus"] = null });
        var started = DateTimeOffset.UtcNow;
        var (orderId, residentToken) = await host.PlaceAsync();
        var tokens = new[] { host.OrganizerToken(), host.MemberToken("m1"), residentToken };
        // The placed order settles first (offered, projected), so only the generated requests could change rows.
        await host.WaitForAsync(orderId, s => s.Status == OrderStatus.Offered);
        var before = await SettledSnapshotAsync(host);
        var gen = new HostileInput(seed: 20261201);
        var failures = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            var (method, trigger, owner) = gen.Pick(HttpFunctions);
            var realId = gen.Chance(15);
            var token = realId || gen.Chance(40) ? gen.BadToken(gen.Pick(tokens)) : gen.Pick(tokens);
            var query = string.Join('&', HostileInput.QueryNames.Where(_ => gen.Chance(20)).Select(q => q + "=" + Uri.EscapeDataString(gen.ShortText())));
            var verb = trigger.Methods![0].ToUpperInvariant();
            var request = Request(verb, "/api/" + trigger.Route + (query.Length > 0 ? "?" + query : ""), token: token,
                rawBody: verb == "POST" ? gen.Body() : null, idempotencyKey: gen.Chance(30) ? gen.ShortText() : null);
            var args = method.GetParameters().Select(p => p.ParameterType switch
            {
                var t when t == typeof(HttpRequest) => request,
                var t when t == typeof(DurableTaskClient) => host.Client,
                var t when t == typeof(CancellationToken) => CancellationToken.None,
                var t when t == typeof(string) => realId ? orderId : gen.Text(),
                _ => (object?)null,
            }).ToArray();

            var answer = await host.AnswerAsync(request, await (Task<IActionResult>)method.Invoke(host.Services.GetService(owner), args)!);
            if (answer.Status >= 500 || (answer.Status >= 400 && !answer.ContentType.StartsWith("application/problem+json", StringComparison.Ordinal)))
            {
                failures.Add($"{method.Name} {string.Join(", ", args.OfType<string>().Select(Short))} → {answer.Status}: {Short(answer.Text)}");
            }
        }

        Assert.True(failures.Count == 0, $"seed {gen.Seed}, {failures.Count} of {Requests}:\n" + string.Join('\n', failures.Take(20)));
        Assert.Equal(before, await SnapshotAsync(host));
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(90), "The generator must stay a quick part of the suite.");
    }

    private async Task<string> SettledSnapshotAsync(AzureHost host)
    {
        var previous = await SnapshotAsync(host);
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(500);
            var next = await SnapshotAsync(host);
            if (next == previous)
            {
                return next;
            }

            previous = next;
        }

        return previous;
    }

    private Task<string> SnapshotAsync(AzureHost host) =>
        TableSnapshot.TakeAsync(azurite.ConnectionString, host.Get<StorageAccount>().Options.TablePrefix);

    private static string Short(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
