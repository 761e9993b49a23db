using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Dispatch.Core.Api;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Hosting;

/// <summary>The status the framework chose is kept (405, 415…), with problem details where the pipeline runs.
/// Kestrel answers malformed requests itself, before any app code: those keep their status and close.</summary>
[Collection(AzuriteCollection.Name)]
public class StatusCodeTests(AzuriteFixture azurite)
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [Fact]
    public async Task A_known_path_with_the_wrong_method_answers_405_with_Allow_and_problem_details()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var response = await host.Http.DeleteAsync(Routes.Orders);
        var problem = await ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("https://dispatch.example/problems/method-not-allowed", problem.GetProperty("type").GetString());
        Assert.Contains("POST", response.Content.Headers.Allow);

        using var unknown = await host.Http.DeleteAsync("/api/nothing-here");
        await ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_json_route_posted_as_another_content_type_answers_415_and_places_nothing()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var json = JsonSerializer.Serialize(LocalHostFixture.Form(), Dispatch.Core.CoreJson.Options);
        using var form = new StringContent(json, Encoding.UTF8, "text/plain");
        using var response = await host.Http.PostAsync(Routes.Orders, form);
        var problem = await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("https://dispatch.example/problems/unsupported-media-type", problem.GetProperty("type").GetString());
        Assert.Empty(await host.OpenOrdersAsync());
    }

    /// <summary>Oversized URLs and headers: the app's limits (8 KB, 32 KB) answer 414/431 with problem details,
    /// below Kestrel's raised ceilings.</summary>
    [Theory]
    [InlineData("GET /api/communities?q={long} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 414, "url-too-long")]
    [InlineData("GET /api/communities HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {long}\r\n\r\n", 431, "headers-too-large")]
    [InlineData("POST /api/orders?q={long} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}", 414, "url-too-long")]
    public async Task Oversized_requests_answer_414_or_431_with_problem_details(string request, int status, string type)
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var (statusLine, body) = await RawAsync(host, request.Replace("{long}", new string('a', 40_000), StringComparison.Ordinal));
        Assert.StartsWith($"HTTP/1.1 {status} ", statusLine, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal($"https://dispatch.example/problems/{type}", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Empty(await host.OpenOrdersAsync());
    }

    /// <summary>Kestrel refuses these before the app sees them (see README "Status codes"): malformed requests,
    /// and sizes past Kestrel's ceilings. The status is right and nothing reaches the app, but the body is
    /// Kestrel's own (empty).</summary>
    [Theory]
    [InlineData("GARBAGE\r\n\r\n", 400)]
    [InlineData("GET /api/communities HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n", 400)]
    [InlineData("GET /api/communities?q={huge} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 414)]
    public async Task Malformed_requests_get_Kestrels_clean_4xx(string request, int status)
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var (statusLine, _) = await RawAsync(host, request.Replace("{huge}", new string('a', 70_000), StringComparison.Ordinal));
        Assert.StartsWith($"HTTP/1.1 {status} ", statusLine, StringComparison.Ordinal);
    }

    /// <summary>Sends a raw request and reads the status line and the body (up to the connection's close).</summary>
    private static async Task<(string? StatusLine, string Body)> RawAsync(LocalHostFixture host, string raw)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, host.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(raw));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var length = 0;
        while (await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) is { Length: > 0 } header)
        {
            if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(header["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new char[length];
        var read = 0;
        while (read < length && await reader.ReadAsync(body.AsMemory(read)).AsTask().WaitAsync(TimeSpan.FromSeconds(10)) is > 0 and var n)
        {
            read += n;
        }

        return (statusLine, new string(body, 0, read));
    }
}
