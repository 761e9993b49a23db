using Dispatch.App.Contract;
using Dispatch.App.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Dispatch.Functions.Http;

/// <summary>The contract as OpenAPI 3.1 and its reference page, at the local host's paths (/api/openapi.json,
/// /api/docs). The document is the one the local host generates, committed and embedded in Dispatch.App
/// (<see cref="ContractDocument"/>), served byte for byte. Anonymous: it holds no data. Static: it needs no
/// service.</summary>
public static class OpenApiFunction
{
    [Function("OpenApiDocument")]
    public static Task<IActionResult> DocumentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req) =>
        Task.FromResult<IActionResult>(Text(200, "application/json; charset=utf-8", ContractDocument.Text));

    [Function("OpenApiReference")]
    public static Task<IActionResult> ReferenceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/{file?}")] HttpRequest req, string? file) =>
        Task.FromResult(file switch
        {
            null or "" => Text(200, "text/html; charset=utf-8", ContractReference.Page),
            ContractReference.ScriptName => Text(200, "text/javascript; charset=utf-8", ContractReference.Script),
            _ => HttpApi.Problem(req, Problems.ForStatus(404)),
        });

    private static IActionResult Text(int status, string contentType, string content) =>
        new ContentResult { StatusCode = status, ContentType = contentType, Content = content };
}
