namespace Dispatch.App.Contract;

/// <summary>The HTTP contract as OpenAPI 3.1, served at the same paths by both hosts. The local host generates it
/// from its endpoints; the file beside this class (openapi.json, embedded) is that document as generated, which the
/// Azure host serves as is. A local-host test fails when the two drift (DISPATCH_WRITE_OPENAPI=1 rewrites the file).</summary>
public static class ContractDocument
{
    /// <summary>Under /api on both hosts: the Azure host's routes all are (routePrefix "api"), and a Static Web App
    /// sends /api/* to the Functions app.</summary>
    public const string DocumentPath = Dispatch.Core.Api.ApiContract.OpenApiDocument;

    /// <summary>The readable reference page (Scalar), reading <see cref="DocumentPath"/>.</summary>
    public const string ReferencePath = Dispatch.Core.Api.ApiContract.ReferencePage;

    /// <summary>Where the committed document lives in the repository (for the test that rewrites it).</summary>
    public const string RepositoryPath = "functions/Dispatch.App/Contract/openapi.json";

    private static readonly Lazy<byte[]> Embedded = new(() =>
    {
        using var stream = typeof(ContractDocument).Assembly.GetManifestResourceStream("Dispatch.App.Contract.openapi.json")
            ?? throw new InvalidOperationException("The OpenAPI document is not embedded in Dispatch.App.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    private static readonly Lazy<string> Decoded = new(() => System.Text.Encoding.UTF8.GetString(Embedded.Value));

    /// <summary>The committed document, byte for byte.</summary>
    public static ReadOnlyMemory<byte> Bytes => Embedded.Value;

    /// <summary>The same as text (UTF-8 without a byte-order mark, so it encodes back to the same bytes).</summary>
    public static string Text => Decoded.Value;
}
