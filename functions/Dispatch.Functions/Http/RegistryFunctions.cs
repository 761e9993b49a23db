using Dispatch.App.Registry;
using Dispatch.App.SignedLinks;
using Dispatch.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>The member registry (报到登记): the shared <see cref="MemberRegistry"/>, import, export, registration link and
/// <see cref="RegistrationUseCases"/>,
/// as in the local host. Routes are <see cref="RegistryRoutes"/> without "/api/". Anonymous at the Functions level:
/// the organizer's link or the community's registration link is the rule, as on the local host.</summary>
public sealed class RegistryFunctions(
    MemberRegistry registry,
    MemberImportUseCases import,
    MemberExportUseCases export,
    RegistrationLinkUseCases registrationLink,
    RegistrationUseCases registrations,
    Access access,
    ILogger<RegistryFunctions> logger)
{
    [Function("ExportMembersCsv")]
    public Task<IActionResult> ExportCsvAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organizer/members/export.csv")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => export.CsvAsync(CommunityOrganizerLink.From(req, access), req.HttpContext.Response, ct));

    [Function("ExportMembersXlsx")]
    public Task<IActionResult> ExportXlsxAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organizer/members/export.xlsx")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => export.XlsxAsync(CommunityOrganizerLink.From(req, access), req.HttpContext.Response, ct));

    [Function("RegistrationLink")]
    public Task<IActionResult> RegistrationLinkAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organizer/registration-link")] HttpRequest req) =>
        HttpApi.RunAsync(req, logger, () => Task.FromResult<IResult>(registrationLink.Link(OrganizerLink.From(req, access))));

    [Function("PreviewMemberImport")]
    public Task<IActionResult> PreviewImportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "organizer/members/import/preview")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => import.PreviewAsync(CommunityOrganizerLink.From(req, access), req, ct));

    [Function("ImportMembers")]
    public Task<IActionResult> ImportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "organizer/members/import")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => import.ImportAsync(CommunityOrganizerLink.From(req, access), req, HttpApi.QueryInt(req, "skip"), HttpApi.QueryInt(req, "take"), ct));

    [Function("AddMember")]
    public Task<IActionResult> AddMemberAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "organizer/members")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        await registry.AddAsync(OrganizerLink.From(req, access), await HttpApi.ReadBodyAsync<MemberRequest>(req, ct), ct));

    [Function("EditMember")]
    public Task<IActionResult> EditMemberAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "organizer/members/{memberId}")] HttpRequest req,
        string memberId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        await registry.EditAsync(OrganizerLink.From(req, access), HttpApi.Route(nameof(memberId), memberId), await HttpApi.ReadBodyAsync<MemberRequest>(req, ct), ct));

    [Function("SetMemberActive")]
    public Task<IActionResult> SetMemberActiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "organizer/members/{memberId}/active")] HttpRequest req,
        string memberId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        await registry.SetActiveAsync(OrganizerLink.From(req, access), HttpApi.Route(nameof(memberId), memberId), await HttpApi.ReadBodyAsync<ActiveRequest>(req, ct), ct));

    [Function("ListRegistrations")]
    public Task<IActionResult> ListRegistrationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "organizer/registrations")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => registrations.ListAsync(OrganizerLink.From(req, access), HttpApi.Query(req, "status"), ct));

    [Function("ApproveRegistration")]
    public Task<IActionResult> ApproveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "organizer/registrations/{registrationId}/approve")] HttpRequest req,
        string registrationId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () =>
        registrations.ApproveAsync(OrganizerLink.From(req, access), HttpApi.Route(nameof(registrationId), registrationId), ct));

    [Function("RejectRegistration")]
    public Task<IActionResult> RejectAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "organizer/registrations/{registrationId}/reject")] HttpRequest req,
        string registrationId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        await registrations.RejectAsync(OrganizerLink.From(req, access), HttpApi.Route(nameof(registrationId), registrationId), await HttpApi.ReadBodyAsync<RejectRequest>(req, ct), ct));

    [Function("RegistrationForm")]
    public Task<IActionResult> FormAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "register")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () => registrations.FormAsync(RegistrantLink.From(req, access), ct));

    [Function("Register")]
    public Task<IActionResult> RegisterAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "register")] HttpRequest req,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, async () =>
        await registrations.SubmitAsync(RegistrantLink.From(req, access), await HttpApi.ReadBodyAsync<RegistrationRequest>(req, ct), ct));

    [Function("RegistrationStatus")]
    public Task<IActionResult> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "register/{registrationId}")] HttpRequest req,
        string registrationId,
        CancellationToken ct) => HttpApi.RunAsync(req, logger, () =>
        registrations.StatusAsync(RegistrantLink.From(req, access), HttpApi.Route(nameof(registrationId), registrationId), ct));
}
