using System.Text.Json;
using Dispatch.App.Contract;
using Dispatch.Core.Api;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Contract;

/// <summary>The contract as OpenAPI 3.1: the local host's live document is the committed file the Azure host
/// serves, and it lists every route of the contract with its problem responses.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiDocumentTests(AzuriteFixture azurite)
{
    private const string RewriteVariable = "DISPATCH_WRITE_OPENAPI";

    [Fact]
    public async Task The_live_document_is_the_committed_file_the_Azure_host_serves()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var response = await host.Http.GetAsync(ContractDocument.DocumentPath);
        Assert.Equal(200, (int)response.StatusCode);
        var live = await response.Content.ReadAsByteArrayAsync();
        Assert.Contains("\"openapi\": \"3.1", System.Text.Encoding.UTF8.GetString(live), StringComparison.Ordinal);

        var file = Path.Combine(AzuriteFixture.FindRepoRoot(), ContractDocument.RepositoryPath);
        if (Environment.GetEnvironmentVariable(RewriteVariable) == "1")
        {
            await File.WriteAllBytesAsync(file, live);
            return;
        }

        var committed = await File.ReadAllBytesAsync(file);
        Assert.True(live.AsSpan().SequenceEqual(committed),
            $"{ContractDocument.RepositoryPath} is not what the local host generates at {ContractDocument.DocumentPath}. " +
            $"Regenerate it: {RewriteVariable}=1 dotnet test tests/Dispatch.Local.Tests --filter {nameof(OpenApiDocumentTests)}, then rebuild " +
            "(the Azure host serves the file embedded in Dispatch.App) and commit it.");
        Assert.True(ContractDocument.Bytes.Span.SequenceEqual(committed), "Dispatch.App embeds an older openapi.json: rebuild.");
    }

    [Fact]
    public async Task The_document_lists_every_route_of_the_contract_with_its_problem_responses()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var document = JsonDocument.Parse(await host.Http.GetStringAsync(ContractDocument.DocumentPath));
        var paths = document.RootElement.GetProperty("paths");

        // Every route of the contract but the document itself.
        var routes = ApiContract.All.Where(r => r.Template != ApiContract.OpenApiDocument).ToList();
        foreach (var (method, route) in routes)
        {
            var what = $"{method} {route}";
            Assert.True(paths.TryGetProperty(route, out var path), $"{what} is not in the OpenAPI document");
            Assert.True(path.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{what}: no {method} operation in the document");
            Assert.True(operation.TryGetProperty("operationId", out _), $"{what} has no operationId");
            Assert.True(operation.TryGetProperty("summary", out _), $"{what} has no summary");
            if (route == ApiContract.Health || route == SignInRoutes.SignOut || route == PasskeyRoutes.SignInOptions)
            {
                continue; // liveness, clearing the session cookie and sealing passkey options touch nothing that can fail
            }

            var problems = operation.GetProperty("responses").EnumerateObject()
                .Where(r => r.Value.TryGetProperty("content", out var content) && content.TryGetProperty("application/problem+json", out _))
                .Select(r => r.Name)
                .ToList();
            if (route == SignInRoutes.Session)
            {
                Assert.Equal(["401"], problems); // reads the cookie or link only, never storage
                continue;
            }

            Assert.True(problems.Contains("503"), $"{what} lists no 503 application/problem+json response ({string.Join(", ", problems)})");
            Assert.True(problems.Count >= 2 || route == Routes.Communities, $"{what} lists too few problem responses ({string.Join(", ", problems)})");
        }
    }

    [Fact]
    public async Task The_reference_page_reads_the_document_from_this_host_with_no_outside_script()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        var page = await host.Http.GetStringAsync(ContractDocument.ReferencePath);
        Assert.Contains($"\"url\":\"{ContractDocument.DocumentPath.TrimStart('/')}\"", page, StringComparison.Ordinal);
        // Served from this origin: users in mainland China cannot rely on a CDN.
        Assert.DoesNotContain("cdn.", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fonts.", page, StringComparison.OrdinalIgnoreCase);
        using var script = await host.Http.GetAsync(ContractDocument.ReferencePath + "/scalar.js");
        Assert.Equal(200, (int)script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }
}
