using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Dispatch.Core;
using Dispatch.Core.Api;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Access;

/// <summary>Every route with every role and scope (<see cref="RoleMatrix"/>), for real against the local host on
/// Kestrel: each caller the table does not allow is refused — 401 without a link, 403 with one (404 where the row
/// says why) — and each caller it allows is not refused with 401 or 403 (any other answer is the route's business).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RoleMatrixTests(AzuriteFixture azurite)
{
    [Fact]
    public void Every_route_of_the_contract_is_classified_once()
    {
        var table = RoleMatrix.Rules.Select(r => new ApiRoute(r.Method, r.Template)).ToList();
        Assert.Empty(ApiContract.All.Except(table)); // a new route: add its row to RoleMatrix
        Assert.Empty(table.Except(ApiContract.All));
        Assert.Equal(table.Count, table.Distinct().Count());
    }

    [Fact]
    public async Task Each_route_refuses_every_caller_it_does_not_allow_and_lets_the_others_through()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var world = await MatrixWorld.CreateAsync(host);
        var failures = new List<string>();
        var checkedCalls = 0;
        foreach (var rule in RoleMatrix.Rules)
        {
            var target = await rule.Target(world);

            // Refused callers first: an allowed caller's call may change the resource (a cancel, a resubmission).
            foreach (var caller in Enum.GetValues<Caller>().OrderBy(c => rule.Allowed.Contains(c)))
            {
                var (status, text) = await SendAsync(host, rule.Method, target, world.Token(caller, target));
                checkedCalls++;
                var expected = rule.Allowed.Contains(caller) ? (int?)null
                    : caller == Caller.None ? 401
                    : rule.Hidden.Contains(caller) ? 404
                    : 403;
                if (expected is { } refused ? status != refused : status is 401 or 403)
                {
                    failures.Add($"{rule} as {caller}: expected {(expected is null ? "not 401/403" : expected)}, got {status} {Short(text)}");
                }
                else if (expected is 401 or 403 && !text.Contains("\"type\"", StringComparison.Ordinal))
                {
                    failures.Add($"{rule} as {caller}: {status} without a problem body");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCalls} calls broke the matrix:\n" + string.Join("\n", failures));
    }

    private static async Task<(int Status, string Text)> SendAsync(LocalHostFixture host, string method, Target target, string? token)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), target.Path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (target.TextBody is not null)
        {
            request.Content = new StringContent(target.TextBody, Encoding.UTF8, target.ContentType ?? "text/plain");
        }
        else if (target.Body is byte[] bytes)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(target.ContentType ?? "application/octet-stream");
        }
        else if (target.Body is not null)
        {
            request.Content = JsonContent.Create(target.Body, target.Body.GetType(), options: CoreJson.Options);
        }

        if (method == "POST" && target.Path == Routes.Orders)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }

        using var response = await host.Http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Short(string text) => text.Length > 200 ? text[..200] : text;
}
