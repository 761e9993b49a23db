using Dispatch.App.Reports;
using Dispatch.Core.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Dispatch.Local.Reports;

/// <summary>Service-hours proofs (服务时长证明) on the local host: binding only; the rules are the shared
/// <see cref="ProofUseCases"/>.</summary>
public static class ProofEndpoints
{
    public static IEndpointRouteBuilder MapProofs(this IEndpointRouteBuilder app)
    {
        // The body is optional: none means this year.
        app.MapPost(ReportRoutes.MyProofs, ([FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] IssueProofRequest? body, MemberLink member,
            ProofUseCases proofs, CancellationToken ct) => proofs.IssueAsync(member, body, ct));
        app.MapGet(ReportRoutes.MyProof, (string number, MemberLink member, ProofUseCases proofs, CancellationToken ct) => proofs.MineAsync(member, number, ct));
        app.MapGet(ReportRoutes.Proof, (string number, HttpContext http, ProofUseCases proofs, CancellationToken ct) => proofs.VerifyAsync(http, number, ct));
        return app;
    }
}
