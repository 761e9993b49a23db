using System.Text;
using Dispatch.App.Contract;
using Dispatch.Functions.Http;
using Dispatch.Testing;
using Microsoft.AspNetCore.Mvc;
using static Dispatch.Functions.Tests.AzureHost;

namespace Dispatch.Functions.Tests;

/// <summary>The Azure host serves the contract's OpenAPI document byte for byte as committed (the local host's
/// generated document; tests/Dispatch.Local.Tests checks that one against the live local host), and its
/// reference page with Scalar's script from the same origin.</summary>
public sealed class OpenApiFunctionTests
{
    [Fact]
    public async Task The_document_is_the_committed_file_byte_for_byte_as_OpenAPI_3_1()
    {
        var result = Assert.IsType<ContentResult>(await OpenApiFunction.DocumentAsync(Request("GET", ContractDocument.DocumentPath)));
        var committed = await File.ReadAllBytesAsync(Path.Combine(AzuriteFixture.FindRepoRoot(), ContractDocument.RepositoryPath));
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("application/json; charset=utf-8", result.ContentType);
        Assert.True(Encoding.UTF8.GetBytes(result.Content!).AsSpan().SequenceEqual(committed),
            $"The Azure host serves a different document than {ContractDocument.RepositoryPath}: rebuild Dispatch.App.");
        Assert.Contains("\"openapi\": \"3.1", result.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reference_page_loads_Scalar_and_the_document_from_this_origin()
    {
        var page = Assert.IsType<ContentResult>(await OpenApiFunction.ReferenceAsync(Request("GET", ContractDocument.ReferencePath), null));
        Assert.Equal(200, page.StatusCode);
        Assert.StartsWith("text/html", page.ContentType, StringComparison.Ordinal);
        Assert.Contains($"'{ContractDocument.DocumentPath}'", page.Content, StringComparison.Ordinal);
        Assert.Contains($"src=\"{ContractDocument.ReferencePath}/scalar.js\"", page.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page.Content, StringComparison.Ordinal); // no CDN

        var script = Assert.IsType<ContentResult>(await OpenApiFunction.ReferenceAsync(Request("GET", ContractDocument.ReferencePath + "/scalar.js"), "scalar.js"));
        Assert.StartsWith("text/javascript", script.ContentType, StringComparison.Ordinal);
        Assert.Contains("createApiReference", script.Content, StringComparison.Ordinal);

        var (status, problem, type) = Read(await OpenApiFunction.ReferenceAsync(Request("GET", ContractDocument.ReferencePath + "/nope.js"), "nope.js"));
        Assert.Equal(404, status);
        Assert.StartsWith("application/problem+json", type, StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("type", out _));
    }
}
