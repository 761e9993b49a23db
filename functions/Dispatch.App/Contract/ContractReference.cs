using System.IO.Compression;
using System.Text;

namespace Dispatch.App.Contract;

/// <summary>The reference page (Scalar) for hosts without Scalar.AspNetCore's endpoints (the Azure host): a small
/// page and Scalar's standalone script, taken from the Scalar.AspNetCore package itself so it is served from the
/// same origin (no CDN: users in mainland China could not load it) and matches the local host's version.</summary>
public static class ContractReference
{
    public const string ScriptName = "scalar.js";

    /// <summary>Absolute paths, so the page works at <c>/api/docs</c> and <c>/api/docs/</c>; system fonts only.</summary>
    public static string Page { get; } = $$"""
        <!doctype html>
        <html>
        <head>
            <title>Dispatch API</title>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
        </head>
        <body>
            <div id="app"></div>
            <script src="{{ContractDocument.ReferencePath}}/{{ScriptName}}"></script>
            <script>
                Scalar.createApiReference('#app', { url: '{{ContractDocument.DocumentPath}}', withDefaultFonts: false });
            </script>
        </body>
        </html>
        """;

    private static readonly Lazy<string> Embedded = new(() =>
    {
        using var stream = typeof(Scalar.AspNetCore.ScalarOptions).Assembly.GetManifestResourceStream("ScalarStaticAssets." + ScriptName)
            ?? throw new InvalidOperationException($"Scalar.AspNetCore no longer embeds {ScriptName}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        if (bytes is [0x1f, 0x8b, ..])
        {
            // Stored gzipped: serve it plain, whatever the client accepts.
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            bytes = plain.ToArray();
        }

        return Encoding.UTF8.GetString(bytes);
    });

    /// <summary>Scalar's standalone script (defines <c>Scalar.createApiReference</c>), decoded once.</summary>
    public static string Script => Embedded.Value;
}
