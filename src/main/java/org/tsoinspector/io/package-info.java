/**
 * Writing files safely, below every layer: FITS products, PNG, CSV and JSON exports all appear only
 * when complete (temporary name, then renamed).
 */
package org.tsoinspector.io;
