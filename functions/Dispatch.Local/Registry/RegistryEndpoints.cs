using Dispatch.App.Registry;
using Dispatch.Core.Api;

namespace Dispatch.Local.Registry;

/// <summary>The member registry (报到登记) on the local host: binding only; the rules are the shared
/// <see cref="MemberRegistry"/>, <see cref="MemberImportUseCases"/> and <see cref="RegistrationUseCases"/>.</summary>
public static class RegistryEndpoints
{
    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        app.MapPost(RegistryRoutes.Members, (MemberRequest? body, HttpContext http, MemberRegistry registry, CancellationToken ct) => registry.AddAsync(http, body, ct));
        app.MapPut(RegistryRoutes.Member, (string memberId, MemberRequest? body, HttpContext http, MemberRegistry registry, CancellationToken ct) =>
            registry.EditAsync(http, memberId, body, ct));
        app.MapPut(RegistryRoutes.MemberActive, (string memberId, ActiveRequest? body, HttpContext http, MemberRegistry registry, CancellationToken ct) =>
            registry.SetActiveAsync(http, memberId, body, ct));
        app.MapPost(RegistryRoutes.ImportPreview, (HttpContext http, MemberImportUseCases import, CancellationToken ct) => import.PreviewAsync(http, ct));
        app.MapPost(RegistryRoutes.Import, (HttpContext http, MemberImportUseCases import, CancellationToken ct) => import.ImportAsync(http, ct));
        app.MapGet(RegistryRoutes.Registrations, (string? status, HttpContext http, RegistrationUseCases uc, CancellationToken ct) => uc.ListAsync(http, status, ct));
        app.MapPost(RegistryRoutes.Approve, (string registrationId, HttpContext http, RegistrationUseCases uc, CancellationToken ct) =>
            uc.ApproveAsync(http, registrationId, ct));
        app.MapPost(RegistryRoutes.Reject, (string registrationId, RejectRequest? body, HttpContext http, RegistrationUseCases uc, CancellationToken ct) =>
            uc.RejectAsync(http, registrationId, body, ct));
        app.MapGet(RegistryRoutes.Register, (HttpContext http, RegistrationUseCases uc, CancellationToken ct) => uc.FormAsync(http, ct));
        app.MapPost(RegistryRoutes.Register, (RegistrationRequest? body, HttpContext http, RegistrationUseCases uc, CancellationToken ct) => uc.SubmitAsync(http, body, ct));
        app.MapGet(RegistryRoutes.Registration, (string registrationId, HttpContext http, RegistrationUseCases uc, CancellationToken ct) =>
            uc.StatusAsync(http, registrationId, ct));
        return app;
    }
}
