#pragma once
// Vendor exports turned into the generic history (../shared/design/crm-format.md, "Vendor
// exports"): Salesforce's OpportunityHistory with Opportunity, and a HubSpot deals export with
// its stage-calculated properties. Problems name the vendor's file, line and column.

#include "crm/reader.hpp"

#include <optional>
#include <string>

namespace salesfab::crm {

/// The vendor files' texts and names.
struct SalesforceFiles {
  std::string opportunity, history;
  std::string opportunity_name = "Opportunity.csv";
  std::string history_name = "OpportunityHistory.csv";
};

/// Salesforce: stage visits from the history rows' StageName changes in CreatedDate order,
/// closed won or lost from the Opportunity's IsClosed and IsWon, the source from its Type.
ReadResult read_salesforce(const SalesforceFiles &files, const ReadOptions &options);

/// HubSpot: one deal a row; visits from `Date entered "STAGE (PIPELINE)"` / `Date exited ...`
/// (or hs_date_entered_ID, hs_v2_date_entered_ID), stages in the order of the columns.
ReadResult read_hubspot(const std::string &text, const std::string &name,
                        const ReadOptions &options);

/// The vendor files in `path` (a folder; for HubSpot also the deals file itself). Throws
/// HistoryError when they are not there.
SalesforceFiles salesforce_files(const std::string &path);
std::pair<std::string, std::string> hubspot_file(const std::string &path); ///< text, name

} // namespace salesfab::crm
