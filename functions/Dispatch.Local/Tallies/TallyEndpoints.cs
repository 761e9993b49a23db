using Dispatch.App.Tallies;
using Dispatch.Core.Api;

namespace Dispatch.Local.Tallies;

/// <summary>Annual tallies and the frozen assessment years on the local host: binding only; the rules are the
/// shared <see cref="TallyUseCases"/>.</summary>
public static class TallyEndpoints
{
    public static IServiceCollection AddTallies(this IServiceCollection services)
    {
        services.AddSingleton<AnnualFreeze>();
        return services;
    }

    public static IEndpointRouteBuilder MapTallies(this IEndpointRouteBuilder app)
    {
        app.MapGet(PostRoutes.Tallies, (int? year, HttpContext http, TallyUseCases tallies, CancellationToken ct) => tallies.TalliesAsync(http, year, ct));
        app.MapGet(PostRoutes.MyTally, (int? year, HttpContext http, TallyUseCases tallies, CancellationToken ct) => tallies.MyTallyAsync(http, year, ct));
        app.MapGet(PostRoutes.Assessment, (int year, HttpContext http, TallyUseCases tallies, CancellationToken ct) => tallies.AssessmentAsync(http, year, ct));
        app.MapPost(PostRoutes.Freeze, (int year, HttpContext http, TallyUseCases tallies, CancellationToken ct) => tallies.FreezeAsync(http, year, ct));
        return app;
    }
}
