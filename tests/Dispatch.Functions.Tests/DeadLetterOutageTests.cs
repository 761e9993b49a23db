using System.Diagnostics;
using Dispatch.Core.Api;
using Dispatch.Functions.Assignments;
using Dispatch.Testing;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>The organizers' dead letters while Service Bus is out of reach (the test host's Service Bus
/// connection names an emulator on loopback that is not running): 503 queue-unavailable with Retry-After
/// within the read budget, never 500 and never minutes of waiting.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DeadLetterOutageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Listing_and_resubmitting_dead_letters_without_Service_Bus_answer_503_with_Retry_After()
    {
        await using var host = await StartAsync(azurite, SlowPolicy);
        var token = host.OrganizerToken();
        var calls = new (string Name, Func<Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Mvc.IActionResult>> Call, Microsoft.AspNetCore.Http.HttpRequest Request)[]
        {
            ("list", r => host.Organizer.DeadLettersAsync(r, default), Request("GET", Routes.DeadLetters, token: token)),
            ("resubmit", r => host.Organizer.ResubmitDeadLetterAsync(r, "12", default), Request("POST", Routes.ResubmitDeadLetter.Replace("{id}", "12", StringComparison.Ordinal), token: token)),
        };

        foreach (var (name, call, request) in calls)
        {
            var watch = Stopwatch.StartNew();
            var (status, body, contentType) = Read(await call(request));
            watch.Stop();
            Assert.True(status == 503, $"{name}: {status} {body}");
            Assert.StartsWith("application/problem+json", contentType, StringComparison.Ordinal);
            Assert.Equal("https://dispatch.example/problems/queue-unavailable", body.GetProperty("type").GetString());
            Assert.True(int.TryParse(request.HttpContext.Response.Headers.RetryAfter, out var seconds) && seconds >= 1, name);
            var budget = name == "list" ? ServiceBusDeadLetters.ReadBudget : ServiceBusDeadLetters.ResubmitBudget;
            Assert.True(watch.Elapsed < budget + TimeSpan.FromSeconds(3), $"{name} took {watch.ElapsedMilliseconds} ms");
        }

        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("Unhandled failure", StringComparison.Ordinal));
    }
}
