using Grants.Domain.Catalog;
using Grants.History.Applicants;

namespace Grants.History.Writing;

/// <summary>What one writer's applications share: its appender, its budget lines and applicants, and the catalog.</summary>
public sealed record Desk(Appender Appender, BudgetLines Budgets, ApplicantPool Applicants, PolicyCatalog Catalog);
