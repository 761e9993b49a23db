using Dispatch.App.Tallies;
using Dispatch.Core.Api;

namespace Dispatch.Local.Tallies;

/// <summary>Annual tallies and the frozen assessment years on the local host: binding only; the rules are the
/// shared <see cref="TallyUseCases"/>. The typed link parameter is each route's rule.</summary>
public static class TallyEndpoints
{
    public static IServiceCollection AddTallies(this IServiceCollection services)
    {
        services.AddSingleton<AnnualFreeze>();
        return services;
    }

    public static IEndpointRouteBuilder MapTallies(this IEndpointRouteBuilder app)
    {
        app.MapGet(PostRoutes.Tallies, (int? year, ReportReaderLink reader, TallyUseCases tallies, CancellationToken ct) => tallies.TalliesAsync(reader, year, ct));
        app.MapGet(PostRoutes.MyTally, (int? year, MemberLink member, TallyUseCases tallies, CancellationToken ct) => tallies.MyTallyAsync(member, year, ct));
        app.MapGet(PostRoutes.Assessment, (int year, CommunityOrganizerLink organizer, TallyUseCases tallies, CancellationToken ct) =>
            tallies.AssessmentAsync(organizer, year, ct));
        app.MapPost(PostRoutes.Freeze, (int year, CommunityOrganizerLink organizer, TallyUseCases tallies, CancellationToken ct) => tallies.FreezeAsync(organizer, year, ct));
        return app;
    }
}
