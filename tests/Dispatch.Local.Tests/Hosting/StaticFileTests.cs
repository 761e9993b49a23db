using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Dispatch.Core.Api;
using Dispatch.Local.Hosting;
using Dispatch.Testing;

namespace Dispatch.Local.Tests.Hosting;

/// <summary>What a browser gets for the pages' files and JSON: compressed when it asks, and cache headers that
/// revalidate pages and scripts but keep images a day; the Static Web App's config says the same.</summary>
[Collection(AzuriteCollection.Name)]
public class StaticFileTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("/form.js", "br")]
    [InlineData("/form.js", "gzip")]
    [InlineData(Routes.Communities, "br")]
    [InlineData(Routes.Communities, "gzip")]
    public async Task Scripts_and_json_come_compressed_when_the_browser_asks(string path, string encoding)
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Accept-Encoding", encoding);
        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        await using var compressed = await response.Content.ReadAsStreamAsync();
        await using Stream plain = encoding == "br" ? new BrotliStream(compressed, CompressionMode.Decompress) : new GZipStream(compressed, CompressionMode.Decompress);
        var text = await new StreamReader(plain).ReadToEndAsync();
        Assert.Contains(path.EndsWith(".js", StringComparison.Ordinal) ? "import" : "\"communityId\"", text, StringComparison.Ordinal);

        using var uncompressed = await host.Http.GetAsync(path); // no Accept-Encoding: plain
        Assert.Empty(uncompressed.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/", "no-cache")]
    [InlineData("/member.html", "no-cache")]
    [InlineData("/member.js", "no-cache")]
    [InlineData("/app.css", "no-cache")]
    [InlineData("/favicon.svg", "public, max-age=86400")]
    public async Task Pages_and_scripts_revalidate_and_images_are_kept_a_day(string path, string cacheControl)
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var response = await host.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(cacheControl, response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);

        // Revalidating costs a 304, not the file.
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(response.Headers.ETag);
        using var notModified = await host.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Every_page_links_the_favicon_served_as_svg()
    {
        await using var host = await LocalHostFixture.StartAsync(azurite);
        using var icon = await host.Http.GetAsync("/favicon.svg");
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        foreach (var page in Directory.GetFiles(WebRoot, "*.html"))
        {
            Assert.Contains("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">", File.ReadAllText(page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_static_web_app_sends_the_same_cache_headers_and_the_svg_type()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(WebRoot, "staticwebapp.config.json")));
        var routes = config.RootElement.GetProperty("routes").EnumerateArray()
            .ToDictionary(r => r.GetProperty("route").GetString()!, r => r.GetProperty("headers").GetProperty("Cache-Control").GetString());
        Assert.Equal(StaticFiles.PageCache, routes["/"]);
        Assert.Equal(StaticFiles.PageCache, routes["/*.{html,js,css}"]);
        Assert.Equal(StaticFiles.ImageCache, routes["/*.{svg,png,ico,webp,jpg,jpeg}"]);
        Assert.Equal("image/svg+xml", config.RootElement.GetProperty("mimeTypes").GetProperty(".svg").GetString());
    }

    private static string WebRoot => Path.Combine(AzuriteFixture.FindRepoRoot(), "functions", "Dispatch.Local", "wwwroot");
}
