"""The return desk (Trả kết quả) and the agency steps recorded at the counter."""
