using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Dispatch.Local.Hosting;

/// <summary>The pages' files compressed and with cache headers, and the API's JSON compressed. The same cache
/// rules are in <c>wwwroot/staticwebapp.config.json</c>, which the Azure Static Web App applies.</summary>
public static class StaticFiles
{
    /// <summary>Pages and scripts are revalidated on every load (their ETag makes that a 304), so a deployment
    /// shows at once; images change rarely.</summary>
    public const string PageCache = "no-cache";
    public const string ImageCache = "public, max-age=86400";

    private static readonly string[] Images = [".svg", ".png", ".ico", ".webp", ".jpg", ".jpeg"];

    /// <summary>Brotli, then gzip, for text: pages, scripts, styles, SVG and JSON (problems too).</summary>
    public static IServiceCollection AddDispatchCompression(this IServiceCollection services)
    {
        // Over https only the static files are compressed (they opt in below): API answers carry signed links
        // next to text a caller chose, which is what BREACH reads through compressed sizes.
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = false;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/javascript", "image/svg+xml", "application/problem+json"]);
        });
        return services;
    }

    public static IApplicationBuilder UseDispatchStaticFiles(this IApplicationBuilder app)
    {
        app.UseDefaultFiles();
        return app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = Prepare });
    }

    private static void Prepare(StaticFileResponseContext context)
    {
        var extension = Path.GetExtension(context.File.Name).ToLowerInvariant();
        context.Context.Response.Headers[HeaderNames.CacheControl] = Images.Contains(extension) ? ImageCache : PageCache;
        // The pages' files hold no secret, so they are compressed over https too.
        if (context.Context.Features.Get<IHttpsCompressionFeature>() is { } https)
        {
            https.Mode = HttpsCompressionMode.Compress;
        }
    }
}
