using Dispatch.App.Registry;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;

namespace Dispatch.Local.Registry;

/// <summary>The member registry (报到登记) on the local host: binding only; the rules are the shared
/// <see cref="MemberRegistry"/>, <see cref="MemberImportUseCases"/>, <see cref="MemberExportUseCases"/>,
/// <see cref="RegistrationLinkUseCases"/> and <see cref="RegistrationUseCases"/>. The typed link
/// parameter is each route's rule: an <see cref="OrganizerLink"/> for the organizers' routes (a grid organizer's
/// limited to their grid by the use cases), a <see cref="CommunityOrganizerLink"/> for the whole roster's import and
/// export, a <see cref="RegistrantLink"/> for registering.</summary>
public static class RegistryEndpoints
{
    public static IEndpointRouteBuilder MapRegistry(this IEndpointRouteBuilder app)
    {
        app.MapPost(RegistryRoutes.Members, (MemberRequest? body, OrganizerLink organizer, MemberRegistry registry, CancellationToken ct) =>
            registry.AddAsync(organizer, body, ct));
        app.MapPut(RegistryRoutes.Member, (string memberId, MemberRequest? body, OrganizerLink organizer, MemberRegistry registry, CancellationToken ct) =>
            registry.EditAsync(organizer, memberId, body, ct));
        app.MapPut(RegistryRoutes.MemberActive, (string memberId, ActiveRequest? body, OrganizerLink organizer, MemberRegistry registry, CancellationToken ct) =>
            registry.SetActiveAsync(organizer, memberId, body, ct));
        app.MapPost(RegistryRoutes.ImportPreview, (CommunityOrganizerLink organizer, HttpRequest request, MemberImportUseCases import, CancellationToken ct) =>
            import.PreviewAsync(organizer, request, ct));
        app.MapPost(RegistryRoutes.Import, (int? skip, int? take, CommunityOrganizerLink organizer, HttpRequest request, MemberImportUseCases import, CancellationToken ct) =>
            import.ImportAsync(organizer, request, skip, take, ct));
        app.MapGet(RegistryRoutes.ExportCsv, (CommunityOrganizerLink organizer, HttpResponse response, MemberExportUseCases export, CancellationToken ct) =>
            export.CsvAsync(organizer, response, ct));
        app.MapGet(RegistryRoutes.ExportXlsx, (CommunityOrganizerLink organizer, HttpResponse response, MemberExportUseCases export, CancellationToken ct) =>
            export.XlsxAsync(organizer, response, ct));
        app.MapGet(RegistryRoutes.RegistrationLink, (OrganizerLink organizer, RegistrationLinkUseCases link) => link.Link(organizer));
        app.MapGet(RegistryRoutes.Registrations, (string? status, OrganizerLink organizer, RegistrationUseCases uc, CancellationToken ct) =>
            uc.ListAsync(organizer, status, ct));
        app.MapPost(RegistryRoutes.Approve, (string registrationId, OrganizerLink organizer, RegistrationUseCases uc, CancellationToken ct) =>
            uc.ApproveAsync(organizer, registrationId, ct));
        app.MapPost(RegistryRoutes.Reject, (string registrationId, RejectRequest? body, OrganizerLink organizer, RegistrationUseCases uc, CancellationToken ct) =>
            uc.RejectAsync(organizer, registrationId, body, ct));
        app.MapGet(RegistryRoutes.Register, (RegistrantLink registrant, RegistrationUseCases uc, CancellationToken ct) => uc.FormAsync(registrant, ct));
        app.MapPost(RegistryRoutes.Register, (RegistrationRequest? body, RegistrantLink registrant, RegistrationUseCases uc, CancellationToken ct) =>
            uc.SubmitAsync(registrant, body, ct));
        app.MapGet(RegistryRoutes.Registration, (string registrationId, RegistrantLink registrant, RegistrationUseCases uc, CancellationToken ct) =>
            uc.StatusAsync(registrant, registrationId, ct));
        return app;
    }
}
