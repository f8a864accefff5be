# pandas reference for data/load-profile-1m-pandas: read_csv, then what the EDA
# profile reports (describe, nunique, value_counts top 10, duplicated rows).
# Prints {"cpu_ms", "wall_ms", "peak_rss_mb"} as the Node child does.
import json, resource, sys, time
import pandas as pd

c0, t0 = time.process_time(), time.perf_counter()
df = pd.read_csv(sys.argv[1])
df.describe(include='all'); df.nunique(); [df[c].value_counts().head(10) for c in df.columns]; df.duplicated().sum()
print(json.dumps({'cpu_ms': (time.process_time() - c0) * 1000, 'wall_ms': (time.perf_counter() - t0) * 1000,
                  'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
