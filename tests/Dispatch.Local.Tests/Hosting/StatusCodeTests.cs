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

    /// <summary>Kestrel refuses these before the app sees them (see README "Status codes"): the status is right
    /// and nothing reaches the app, but the body is Kestrel's own (empty).</summary>
    [Theory]
    [InlineData("GARBAGE\r\n\r\n", 400)]
    [InlineData("GET /api/communities HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n", 400)]
    [InlineData("GET /api/communities?q={long} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 414)]
    [InlineData("GET /api/communities HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: {long}\r\n\r\n", 431)]
    public async Task Malformed_requests_get_Kestrels_clean_4xx(string request, int status)
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var raw = request.Replace("{long}", new string('a', 40_000), StringComparison.Ordinal);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, host.BaseAddress.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(raw));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith($"HTTP/1.1 {status} ", statusLine, StringComparison.Ordinal);
    }
}
