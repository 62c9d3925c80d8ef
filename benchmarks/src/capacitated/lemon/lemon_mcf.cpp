// LEMON as the capacitated suite's peer: solves the exact capacitated problem the engine hands our
// solver with LEMON's NetworkSimplex (and CostScaling), as an independent check of our optimum and
// a yardstick for our time. Built and run by lemon-peer.ts; needs Debian's liblemon-dev.
//
// Model (packages/solver/docs/capacitated.md, "Model"): a min-cost circulation through a hub H.
//   H -> row i:  capacity 1 at cost -Wr (the row's first partner, when rows are a coverage tier),
//                and capacity rowCapacity[i] - 1 at cost 0;
//   row i -> col j: capacity 1 at cost -S_ij for every eligible pair (S = the integer score);
//   col j -> H:  capacity 1 at cost -Wc (when columns are a tier), capacity colCapacity[j] - 1 at 0.
// The weights are computed here from the instance, as the document defines them, not taken from our
// solver: with P = min(sum of row capacities, sum of column capacities, pairs) and
// span = P * (max(0, max S) - min(0, min S)), Wc = span + 1 and Wr = Wc * cols + span + 1 (0 for a
// side that is not a tier). Then the minimum cost is -(Wr * rowsCovered + Wc * colsCovered + sum S),
// the lexicographic optimum. Costs are 64-bit integers; the caller checks that they stay below 2^53.
// Two parallel arcs per person instead of one arc per capacity unit: the unit costs (-W, 0, 0, ...)
// are convex, so the cheaper arc always fills first and the optimum is the same.
//
// Input (little-endian binary, written by lemon-peer.ts):
//   int32 rows, cols, pairs, rowsTier (0/1), colsTier (0/1)
//   int32 rowCapacity[rows], int32 colCapacity[cols]
//   int32 row[pairs], int32 col[pairs], float64 score[pairs] (whole numbers: scores times the scale)
// Usage: lemon_mcf INSTANCE network-simplex [cost-scaling]
// Output: one JSON object on stdout, times in milliseconds (wall, and CPU of this process).
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/static_graph.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

using Graph = lemon::StaticDigraph;
using Cost = long long;

namespace {

struct Instance {
  int rows = 0, cols = 0, pairs = 0;
  bool rowsTier = false, colsTier = false;
  std::vector<int32_t> rowCapacity, colCapacity, row, col;
  std::vector<Cost> score;
};

struct Clock {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  std::clock_t cpu = std::clock();
  double wallMs() const {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall).count();
  }
  double cpuMs() const { return 1000.0 * double(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

[[noreturn]] void fail(const std::string& message) {
  std::fprintf(stderr, "lemon_mcf: %s\n", message.c_str());
  std::exit(2);
}

template <typename T>
void readArray(std::FILE* file, std::vector<T>& out, size_t count, const char* what) {
  out.resize(count);
  if (count > 0 && std::fread(out.data(), sizeof(T), count, file) != count) fail(std::string("short read: ") + what);
}

Instance readInstance(const char* path) {
  std::FILE* file = std::fopen(path, "rb");
  if (!file) fail(std::string("cannot open ") + path);
  int32_t header[5];
  if (std::fread(header, sizeof(int32_t), 5, file) != 5) fail("short read: header");
  Instance in;
  in.rows = header[0];
  in.cols = header[1];
  in.pairs = header[2];
  in.rowsTier = header[3] != 0;
  in.colsTier = header[4] != 0;
  if (in.rows < 0 || in.cols < 0 || in.pairs < 0) fail("negative size in header");
  readArray(file, in.rowCapacity, in.rows, "row capacities");
  readArray(file, in.colCapacity, in.cols, "column capacities");
  readArray(file, in.row, in.pairs, "pair rows");
  readArray(file, in.col, in.pairs, "pair columns");
  std::vector<double> score;
  readArray(file, score, in.pairs, "scores");
  std::fclose(file);
  in.score.resize(in.pairs);
  for (int k = 0; k < in.pairs; k++) {
    if (in.row[k] < 0 || in.row[k] >= in.rows || in.col[k] < 0 || in.col[k] >= in.cols) fail("pair out of range");
    if (score[k] != std::floor(score[k]) || std::fabs(score[k]) > 9007199254740991.0) fail("score not a safe integer");
    in.score[k] = Cost(score[k]);
  }
  return in;
}

// The network, with the arcs listed by source (StaticDigraph's requirement): H = node 0, rows
// 1..rows, columns rows+1..rows+cols. pairArc[k] is the arc of pair k.
struct Network {
  Graph graph;
  std::vector<int> capacity;
  std::vector<Cost> cost;
  std::vector<int> pairArc;
  Cost rowTierGain = 0, colTierGain = 0;
};

void tierGains(const Instance& in, Cost& rowGain, Cost& colGain) {
  long long rowUnits = 0, colUnits = 0;
  for (int c : in.rowCapacity) rowUnits += c;
  for (int c : in.colCapacity) colUnits += c;
  long long p = std::min<long long>(std::min(rowUnits, colUnits), in.pairs);
  Cost maxS = 0, minS = 0;
  for (Cost s : in.score) {
    maxS = std::max(maxS, s);
    minS = std::min(minS, s);
  }
  Cost span = p * (maxS - minS);
  colGain = in.colsTier ? span + 1 : 0;
  rowGain = in.rowsTier ? colGain * in.cols + span + 1 : 0;
}

void buildNetwork(const Instance& in, Network& net) {
  tierGains(in, net.rowTierGain, net.colTierGain);
  const int hub = 0;
  std::vector<std::pair<int, int>> arcs;
  arcs.reserve(size_t(in.pairs) + 2 * size_t(in.rows + in.cols));
  auto add = [&](int from, int to, int capacity, Cost cost) {
    arcs.emplace_back(from, to);
    net.capacity.push_back(capacity);
    net.cost.push_back(cost);
  };
  for (int i = 0; i < in.rows; i++) {
    if (in.rowCapacity[i] >= 1) add(hub, 1 + i, 1, -net.rowTierGain);
    if (in.rowCapacity[i] >= 2) add(hub, 1 + i, in.rowCapacity[i] - 1, 0);
  }
  // Pairs by row (counting sort; the engine's edges already come row by row).
  std::vector<int> start(in.rows + 1, 0);
  for (int k = 0; k < in.pairs; k++) start[in.row[k] + 1]++;
  for (int i = 0; i < in.rows; i++) start[i + 1] += start[i];
  std::vector<int> order(in.pairs);
  for (int k = 0; k < in.pairs; k++) order[start[in.row[k]]++] = k;
  net.pairArc.assign(in.pairs, -1);
  for (int k : order) {
    net.pairArc[k] = int(arcs.size());
    add(1 + in.row[k], 1 + in.rows + in.col[k], 1, -in.score[k]);
  }
  for (int j = 0; j < in.cols; j++) {
    if (in.colCapacity[j] >= 1) add(1 + in.rows + j, hub, 1, -net.colTierGain);
    if (in.colCapacity[j] >= 2) add(1 + in.rows + j, hub, in.colCapacity[j] - 1, 0);
  }
  net.graph.build(1 + in.rows + in.cols, arcs.begin(), arcs.end());
}

// Reads the optimum off a flow: the pairs with flow, whom they cover and their total score.
template <typename Algorithm>
std::string describeOptimum(const Instance& in, const Network& net, const Algorithm& algorithm) {
  std::vector<char> rowCovered(in.rows, 0), colCovered(in.cols, 0);
  long long pairs = 0, rowsCovered = 0, colsCovered = 0;
  Cost total = 0;
  for (int k = 0; k < in.pairs; k++) {
    if (algorithm.flow(Graph::arc(net.pairArc[k])) <= 0) continue;
    pairs++;
    total += in.score[k];
    if (!rowCovered[in.row[k]]) rowCovered[in.row[k]] = 1, rowsCovered++;
    if (!colCovered[in.col[k]]) colCovered[in.col[k]] = 1, colsCovered++;
  }
  char buffer[256];
  std::snprintf(buffer, sizeof buffer,
                "\"cost\": %lld, \"pairs\": %lld, \"rowsCovered\": %lld, \"colsCovered\": %lld, \"total\": %lld",
                (long long)algorithm.totalCost(), pairs, rowsCovered, colsCovered, (long long)total);
  return buffer;
}

// Solves `repeats` times from scratch (maps and algorithm built afresh each time, inside the clock)
// and reports the run of median CPU time, as the suite reports ours.
template <typename Algorithm, typename Run>
std::string solve(const char* name, const Instance& in, const Network& net, Run run, int repeats) {
  std::vector<std::pair<double, double>> times;  // (cpu, wall) per run
  std::string out;
  for (int r = 0; r < repeats; r++) {
    Clock clock;
    Algorithm algorithm(net.graph);
    Graph::ArcMap<int> capacity(net.graph);
    Graph::ArcMap<Cost> cost(net.graph);
    for (int a = 0; a < int(net.capacity.size()); a++) {
      capacity[Graph::arc(a)] = net.capacity[a];
      cost[Graph::arc(a)] = net.cost[a];
    }
    algorithm.upperMap(capacity).costMap(cost);
    const bool optimal = run(algorithm);
    times.emplace_back(clock.cpuMs(), clock.wallMs());
    if (r + 1 < repeats) continue;
    out = std::string("\"status\": \"") + (optimal ? "optimal" : "not optimal") + "\"";
    if (optimal) out += ", " + describeOptimum(in, net, algorithm);
  }
  std::sort(times.begin(), times.end());
  const std::pair<double, double> median = times[times.size() / 2];
  return std::string("{\"algorithm\": \"") + name + "\", \"ms\": " + std::to_string(median.second) +
         ", \"cpuMs\": " + std::to_string(median.first) + ", \"repeats\": " + std::to_string(repeats) + ", " +
         out + "}";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) fail("usage: lemon_mcf INSTANCE network-simplex [cost-scaling] [repeat=N]");
  Clock readClock;
  const Instance in = readInstance(argv[1]);
  const double readMs = readClock.wallMs();
  Clock buildClock;
  Network net;
  buildNetwork(in, net);
  const double buildMs = buildClock.wallMs();
  int repeats = 1;
  for (int a = 2; a < argc; a++) {
    const std::string arg = argv[a];
    if (arg.rfind("repeat=", 0) == 0) repeats = std::max(1, std::atoi(arg.c_str() + 7));
  }
  std::string runs;
  for (int a = 2; a < argc; a++) {
    const std::string name = argv[a];
    if (name.rfind("repeat=", 0) == 0) continue;
    std::string result;
    if (name == "network-simplex") {
      using NS = lemon::NetworkSimplex<Graph, int, Cost>;
      result = solve<NS>("network-simplex", in, net, [](NS& ns) { return ns.run() == NS::OPTIMAL; }, repeats);
    } else if (name == "cost-scaling") {
      using CS = lemon::CostScaling<Graph, int, Cost>;
      result = solve<CS>("cost-scaling", in, net, [](CS& cs) { return cs.run() == CS::OPTIMAL; }, repeats);
    } else {
      fail("unknown algorithm " + name);
    }
    runs += (runs.empty() ? "" : ", ") + result;
  }
  std::printf(
      "{\"nodes\": %d, \"arcs\": %d, \"rowTierGain\": %lld, \"colTierGain\": %lld, \"readMs\": %.3f, "
      "\"buildMs\": %.3f, \"runs\": [%s]}\n",
      lemon::countNodes(net.graph), lemon::countArcs(net.graph), (long long)net.rowTierGain,
      (long long)net.colTierGain, readMs, buildMs, runs.c_str());
  return 0;
}
