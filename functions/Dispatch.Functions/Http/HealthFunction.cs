using Dispatch.App.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Dispatch.Functions.Http;

/// <summary>Liveness on <see cref="Core.Api.ApiContract.Health"/> (/api/healthz: host.json puts every function
/// under /api/), the same answer as the local host's; anonymous, for probes.</summary>
public sealed class HealthFunction(ILogger<HealthFunction> logger)
{
    [Function("Health")]
    public Task<IActionResult> CheckAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "healthz")] HttpRequest req) =>
        HttpApi.RunAsync(req, logger, () => Task.FromResult(Health.Check()));
}
